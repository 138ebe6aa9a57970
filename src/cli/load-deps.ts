import { loadDocumentText } from "../documents/measures/load-document-text.ts";
import type { MeasuresDocumentDeps } from "../documents/measures/prepare-measures-document.ts";
import { loadContent } from "../domain/content/load-content.ts";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";

/** Frameworks and content are data shipped with the package, validated once per run. */
export function loadDocumentDeps(): MeasuresDocumentDeps {
  return { frameworks: loadFrameworks(), content: loadContent(), text: loadDocumentText() };
}
