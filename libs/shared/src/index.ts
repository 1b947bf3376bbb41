export * from './localized';
export * from './sectors';
export * from './errors';
export * from './api-types';
export * from './time';
export * from './events';
export * from './live';
export * from './realtime';
