// Generates a valid multi-module Cairo-M project of `files` modules and about
// `linesPerFile` lines each. Module `mod_i` imports from `mod_{i-1}`.

function fnBlock(m, f) {
  // 20 lines per function.
  return `/// Function ${f} of module ${m}.
fn f${f}(a: felt, b: u32, p: Point${m}) -> felt {
    let total = a + p.x;
    let count: u32 = b;
    let i = 0;
    while i != 10 {
        total = total + i * 2;
        i = i + 1;
    }
    for (let j: u32 = 0; j < count; j = j + 1) {
        if j % 2 == 0 {
            total = total + (j as felt);
        } else {
            total = total - 1;
        }
    }
    let pair = (total, count > 3);
    assert(pair.1 || count == 0);
    return helper${m}(pair.0, LIMIT${m});
}
`;
}

/** Returns `{ files: Map<path, text>, lines }` for a project rooted at `root`. */
export function generateProject(root, files = 200, linesPerFile = 500) {
  const out = new Map();
  out.set(`${root}/cairom.toml`, `name = "bench"\nversion = "0.1.0"\nentry_point = "mod_0.cm"\n`);
  let lines = 0;
  const fnCount = Math.max(1, Math.floor((linesPerFile - 16) / 21));
  for (let m = 0; m < files; m++) {
    let text = "";
    if (m > 0) text += `use mod_${m - 1}::{helper${m - 1}, Point${m - 1}, LIMIT${m - 1}};\n`;
    text += `const LIMIT${m}: felt = ${m + 1};\n\n`;
    text += `struct Point${m} {\n    x: felt,\n    y: u32,\n}\n\n`;
    text += `fn helper${m}(x: felt, limit: felt) -> felt {\n`;
    text += m > 0
      ? `    let q: Point${m - 1} = Point${m - 1} { x: x, y: 2 };\n    return helper${m - 1}(q.x, LIMIT${m - 1}) + limit;\n}\n\n`
      : `    return x + limit;\n}\n\n`;
    for (let f = 0; f < fnCount; f++) text += fnBlock(m, f) + "\n";
    lines += text.split("\n").length - 1;
    out.set(`${root}/src/mod_${m}.cm`, text);
  }
  return { files: out, lines };
}
