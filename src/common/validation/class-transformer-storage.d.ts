/**
 * class-transformer keeps its decorators' metadata in one storage object, exported by its
 * CommonJS build (the build Nest and this application load) but not typed at that path.
 */
declare module 'class-transformer/cjs/storage.js' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage.js';
  export const defaultMetadataStorage: MetadataStorage;
}
