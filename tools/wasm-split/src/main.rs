//! Splits the app's linked wasm (built with `--emit-relocs`) into the main module, for
//! wasm-bindgen, and one module per `#[wasm_split]` name, with the JavaScript that loads them.
//!
//! `kaiban-wasm-split <linked.wasm> <out-dir> <glue module> <loader module>`: the glue module is
//! the path the loader imports wasm-bindgen's `initSync` from, the loader module the path the
//! main module imports the loader from (both relative to the out-dir, e.g. `./kaiban.js`).
//! Prints the split modules' file names, one per line.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, glue, loader] = args.as_slice() else {
        eprintln!("usage: kaiban-wasm-split <linked.wasm> <out-dir> <glue module> <loader module>");
        return ExitCode::from(2);
    };
    match split(Path::new(input), Path::new(out_dir), glue, loader) {
        Ok(modules) => {
            for module in modules {
                println!("{module}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("kaiban-wasm-split: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, out_dir: &Path, glue: &str, loader: &str) -> Result<Vec<String>, String> {
    let wasm = std::fs::read(input).map_err(|e| format!("reading {}: {e}", input.display()))?;
    std::fs::create_dir_all(out_dir).map_err(|e| format!("creating {}: {e}", out_dir.display()))?;
    let main_out = out_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = out_dir;
    options.main_out_path = &main_out;
    options.main_module = glue;
    options.link_name = loader;
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("{e:#}"))?;
    Ok(split
        .split_modules
        .iter()
        .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
        .collect())
}
