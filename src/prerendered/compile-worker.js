// Compiles the wizard's wasm off the main thread and hands the module to the page: fetching and
// compiling a module of this size in the page blocks a phone's main thread for a noticeable time
// while the applicant already sees the screen. The first module's download is streamed here by
// src/prerendered/boot.js, which starts it before this worker has loaded; the later pages'
// module is fetched here by its URL (tools/split.mjs), so its bytes never pass through the page.
// Written next to the app as kaiban-compile-<hash>.js (tools/compiler.mjs).
onmessage = async ({ data }) => {
  try {
    const response = typeof data === 'string' ? fetch(data) : new Response(data, { headers: { 'content-type': 'application/wasm' } });
    postMessage(await WebAssembly.compileStreaming(response));
  } catch (error) {
    postMessage(null);
  }
};
