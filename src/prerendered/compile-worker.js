// Compiles the wizard's wasm off the main thread and hands the module to the page
// (src/prerendered/boot.js): fetching and compiling a module of this size in the page blocks
// a phone's main thread for a noticeable time while the applicant already sees the screen.
// Written next to the app as kaiban-compile-<hash>.js by tools/bake.mjs.
onmessage = async ({ data: download }) => {
  try {
    postMessage(await WebAssembly.compileStreaming(new Response(download, { headers: { 'content-type': 'application/wasm' } })));
  } catch (error) {
    postMessage(null);
  }
};
