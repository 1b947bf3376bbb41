/** Entities of the live (LiveKit) feature. */
export const LIVE_ENTITIES: (new () => object)[] = [];
