// Modules that vite.config.ts plugins generate at build time.
declare module 'virtual:sample-snapshot' {
  const snapshot: import('./lib/state/sampleSnapshot').SampleSnapshot;
  export default snapshot;
}
declare module 'virtual:sample-tables' {
  const tables: import('./lib/state/sampleTables').SampleTables;
  export default tables;
}
