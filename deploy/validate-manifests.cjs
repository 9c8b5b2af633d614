// Validates Kubernetes manifests against the Kubernetes OpenAPI schemas bundled in the npm package
// "kubernetes-models" (offline once installed). Catches wrong types, missing required fields and bad enum
// values; it does not reject unknown fields. Usage: node validate-manifests.cjs <node_modules dir> <file.yaml>...
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, ...files] = process.argv.slice(2);
const YAML = require(path.join(modules, "yaml"));
const models = path.join(modules, "kubernetes-models");

// apiVersion "apps/v1" -> kubernetes-models/apps/v1/<Kind>; "v1" -> kubernetes-models/v1/<Kind>
function modelFor(apiVersion, kind) {
  const file = path.join(models, apiVersion, kind + ".js");
  if (!fs.existsSync(file)) {
    throw new Error(`no schema for ${apiVersion} ${kind} (unknown apiVersion or kind)`);
  }
  return require(file)[kind];
}

let checked = 0;
let failures = 0;
for (const file of files) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      console.error(`${file}: YAML error: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const manifest = doc.toJS();
    if (manifest === null || manifest.kind === "Kustomization") {
      continue;
    }
    const where = `${file}: ${manifest.kind} ${manifest.metadata && manifest.metadata.name}`;
    try {
      const Model = modelFor(manifest.apiVersion, manifest.kind);
      new Model(manifest).validate();
      checked++;
    } catch (e) {
      console.error(`${where}: ${e.message}`);
      failures++;
    }
  }
}
console.log(`validate-manifests: ${checked} valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
