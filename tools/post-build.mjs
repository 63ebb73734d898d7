// Trunk's post_build hook. Trunk starts the hooks of one stage all at once, so the steps that
// depend on each other run here in order: split the wasm (the files bake names), bake index.html
// and the in-page assets, list the precache (needs the baked files), then compress everything
// (needs the final sw.js).
await import('./split.mjs');
await import('./bake.mjs');
await import('./precache.mjs');
await import('./compress.mjs');
