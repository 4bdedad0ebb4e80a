// Validates every object of rendered Kubernetes manifests (multi-document YAML files given as
// arguments) against the Kubernetes OpenAPI schema of its apiVersion and kind, as packaged by
// kubernetes-models. Prints one line per object; exits 1 when any object is invalid or unknown.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    const object = document.toJS();
    if (!object) continue;
    const name = `${file}: ${object.kind}/${object.metadata?.name}`;
    // core/v1 lives at "v1", every other group at "<group>/<version>"
    const module = `kubernetes-models/${object.apiVersion}`;
    try {
      const models = await import(module);
      const Model = models[object.kind];
      if (!Model) throw new Error(`no schema for kind ${object.kind} in ${object.apiVersion}`);
      new Model(object).validate();
      console.log(`valid    ${name}`);
    } catch (error) {
      failures++;
      console.log(`INVALID  ${name}: ${error.message}`);
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
