import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";

// Pre-compressed copies of the files as written, so the server sends gzip without compressing per request.
function gzipAssets(): Plugin {
  return {
    name: "prongsai-gzip-assets",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "";
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const path = join(dir, fileName);
        writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
      }
    },
  };
}

// The entry only starts the first screen's requests and then imports the app. The app's modules,
// its styles and the Sarabun fonts are fetched beside the entry, not after it has run.
function preloadApp(): Plugin {
  return {
    name: "prongsai-preload-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        if (!bundle) return;
        const app = Object.values(bundle).find(
          (file) => file.type === "chunk" && file.facadeModuleId?.endsWith("/app.tsx"),
        );
        if (app?.type !== "chunk") throw new Error("the build has no app.tsx chunk to preload");
        const modules = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (modules.has(fileName) || chunk?.type !== "chunk") return;
          // What the entry itself imports is already linked.
          if (!html.includes(`/${fileName}"`)) modules.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(app.fileName);
        const fonts = Object.keys(bundle).filter((f) =>
          /sarabun-(thai|latin)-(400|700)-normal-[\w-]+\.woff2$/.test(f),
        );
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
          tag: "link",
          attrs,
          injectTo: "head",
        });
        return [
          ...[...modules].map((f) =>
            link({ rel: "modulepreload", crossorigin: true, href: `/${f}` }),
          ),
          ...[...styles].map((f) => link({ rel: "preload", as: "style", href: `/${f}` })),
          ...fonts.map((f) =>
            link({
              rel: "preload",
              as: "font",
              type: "font/woff2",
              crossorigin: true,
              href: `/${f}`,
            }),
          ),
        ];
      },
    },
  };
}

export default defineConfig({
  root: "src/web",
  base: "/",
  plugins: [react(), preloadApp(), gzipAssets()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page needs at start-up in one file, not a dozen: a browser fetches only
          // six files at a time from one server over HTTP/1.1.
          groups: [
            {
              name: "framework",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000", "/p": "http://localhost:3000" },
  },
});
