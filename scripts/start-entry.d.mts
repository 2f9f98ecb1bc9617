export declare const BUILD_STAMP: string;
export declare function startEntry(root: string): { kind: 'dist' | 'sources'; file: string };
