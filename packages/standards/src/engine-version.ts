/** Changes whenever the same pack and inputs could score differently. */
export const ENGINE_VERSION = '1.0.0';
