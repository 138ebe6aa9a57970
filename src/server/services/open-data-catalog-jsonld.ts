import type { OpenDataset } from "./build-open-data-catalog.ts";
import { OPEN_DATA_KEYWORDS, OPEN_DATA_LICENSE, OPEN_DATA_PUBLISHER } from "./open-data-terms.ts";

// The same catalogue as DCAT-AP in JSON-LD, for harvesters that read RDF (ckanext-dcat's
// dcat_rdf_harvester): titles and descriptions tagged Thai and English, dates typed.

const context = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
};

const both = (text: { th: string; en: string }) => [
  { "@value": text.th, "@language": "th" },
  { "@value": text.en, "@language": "en" },
];

const publisher = {
  "@type": "foaf:Agent",
  "foaf:name": both(OPEN_DATA_PUBLISHER),
};

const license = { "@id": OPEN_DATA_LICENSE.url, "@type": "dct:LicenseDocument" };

function dataset(d: OpenDataset) {
  return {
    "@id": d.identifier,
    "@type": "dcat:Dataset",
    "dct:identifier": d.identifier,
    "dct:title": both(d.title),
    "dct:description": both(d.description),
    "dcat:keyword": [...OPEN_DATA_KEYWORDS, `fiscal year ${d.fiscalYear}`],
    "dct:modified": { "@value": d.modified, "@type": "xsd:dateTime" },
    "dct:publisher": publisher,
    "dct:license": license,
    "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/THA" },
    "dct:spatial": { "@id": "http://publications.europa.eu/resource/authority/country/THA" },
    "dct:temporal": {
      "@type": "dct:PeriodOfTime",
      "dcat:startDate": { "@value": d.temporal.start, "@type": "xsd:date" },
      "dcat:endDate": { "@value": d.temporal.end, "@type": "xsd:date" },
    },
    "dcat:distribution": d.files.map((f) => ({
      "@id": f.url,
      "@type": "dcat:Distribution",
      "dct:title": f.title,
      "dcat:accessURL": { "@id": f.url },
      "dcat:downloadURL": { "@id": f.url },
      "dcat:mediaType": { "@id": `http://www.iana.org/assignments/media-types/${f.mediaType}` },
      "dct:format": f.format,
      "dct:license": license,
    })),
  };
}

/** The catalogue document; `id` is its own address. */
export function openDataCatalogJsonLd(id: string, datasets: readonly OpenDataset[]) {
  return {
    "@context": context,
    "@id": id,
    "@type": "dcat:Catalog",
    "dct:title": both({
      th: "ข้อมูลเปิดผลการประเมินคุณธรรมและความโปร่งใส (ITA)",
      en: "Integrity and Transparency Assessment (ITA) open data",
    }),
    "dct:description": both({
      th: "ผลการประเมิน ITA ของทุกหน่วยงาน แยกตามปีงบประมาณ",
      en: "Every agency's ITA results, one dataset per fiscal year",
    }),
    "dct:publisher": publisher,
    "dct:license": license,
    "dcat:dataset": datasets.map(dataset),
  };
}
