//! The dashboard in a real headless browser: runs `tests/browser/run.sh`
//! (seed coded into a store, `dyad serve`, Chromium via playwright-core).
//! `.ci/run` installs Chromium and the npm package first; on a machine
//! without them the test says so and does not run the browser.

use std::path::Path;
use std::process::Command;

#[test]
fn dashboard_in_headless_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let has_chromium = Path::new("/usr/bin/chromium").exists();
    let has_driver = root.join("tests/browser/node_modules/playwright-core").exists();
    let has_seed = root.join("../shared/corpus/seed/000_dda12a8a62aa801c.txt").exists();
    if !(has_chromium && has_driver && has_seed) {
        eprintln!("browser test not run: chromium {has_chromium}, playwright-core {has_driver}, seed {has_seed} (.ci/run installs them)");
        assert!(std::env::var("CI").is_err(), "CI must run the browser test: run .ci/run's install steps");
        return;
    }
    let out = Command::new("bash").arg(root.join("tests/browser/run.sh")).env("DYAD_BIN", env!("CARGO_BIN_EXE_dyad")).output().expect("run.sh starts");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser test failed:\n{text}");
    assert!(text.contains("dashboard test passed"), "{text}");
}
