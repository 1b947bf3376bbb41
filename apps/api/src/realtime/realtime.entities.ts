/** Entities of the realtime (socket.io) feature. */
export const REALTIME_ENTITIES: (new () => object)[] = [];
