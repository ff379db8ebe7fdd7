import { join } from 'node:path';

/** The files of the stand-in site publish-child.ts writes: enough that deleting and renaming take some time. */
export const SITE_FILES = Array.from({ length: 40 }, (_, i) => join(`section-${i % 4}`, `page-${i}`, 'index.html'));
