// Sweeps: every filler in every template, as corpus entries without `expect` (the fidelity test
// asks the reference parser when it runs). A template marks the filler's place with `{}`.

/** Each of `fillers` put in each of `templates`: `{ id, kind, sql }`, ids `prefix-template-filler`. */
export function expand(prefix, templates, fillers, fillerId = (filler, f) => String(f)) {
  const entries = [];
  templates.forEach((template, t) => {
    const kind = `${prefix}.${template.replaceAll("{}", "_")}`;
    fillers.forEach((filler, f) => entries.push({ id: `${prefix}-${t}-${fillerId(filler, f)}`, kind, sql: template.replaceAll("{}", filler) }));
  });
  return entries;
}
