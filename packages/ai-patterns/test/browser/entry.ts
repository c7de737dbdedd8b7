// Bundled by the browser test with esbuild (platform "browser", so transformers.js
// resolves to its web build and onnxruntime-web). The page exposes one function.
import { createInjectionClassifier } from "../../src/classifier/injection-classifier.js";

declare global {
  interface Window {
    classifyInBrowser(texts: string[]): Promise<unknown>;
  }
}

window.classifyInBrowser = async (texts: string[]) => {
  const classifier = await createInjectionClassifier({ modelPath: "/models/", wasmPaths: "/ort/" });
  return classifier.classifyBatch(texts);
};
