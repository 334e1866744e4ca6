/**
 * Builds the add-in into dist/: one page, taskpane.html, for the shared runtime, loading
 * office.js (copied from the @microsoft/office-js package, never the CDN), functions.js and
 * taskpane.js; functions.json generated from the JSDoc of src/functions/functions.ts and
 * functions.zh-CN.json with Chinese descriptions; manifest.xml and assets/.
 *
 *   npx webpack --mode production     # CI build, needs no certificates
 *   npm start                         # src/dev/start.cjs: build + https server on :3000
 */
/* global __filename */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { require: tsxRequire } = require('tsx/cjs/api');
const { CspInlineHashPlugin } = require('./src/dev/csp-plugin.cjs');

const FUNCTIONS_TS = './src/functions/functions.ts';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/**
 * The part of the office-js package a workbook add-in loads: office.js, the Excel host scripts,
 * the custom-functions runtime, telemetry and error UI, and office_strings.js of every
 * language (about 14 MB instead of 86 MB). Debug builds and Outlook strings are left out.
 */
function isNeededOfficeFile(absPath) {
  const rel = path.relative(OFFICE_JS_DIR, absPath).split(path.sep).join('/');
  if (rel.endsWith('.debug.js') || rel.endsWith('vsdoc.js') || rel.endsWith('.d.ts')) return false;
  return (
    /^(office|custom-functions-runtime|es6-promise|o15apptofilemappingtable)\.js$/.test(rel) ||
    /^excel[^/]*\.js$/.test(rel) ||
    /^(telemetry|ariatelemetry|agaveerrorux)\//.test(rel) ||
    // office.js picks its UI strings by the Office display language; every language, not just zh-CN and en-US.
    /^[a-z]{2,3}(-[a-z0-9]+)*\/office_strings\.js$/.test(rel)
  );
}

/** Writes functions.zh-CN.json next to the functions.json that CustomFunctionsMetadataPlugin emits. */
class LocalizedFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedFunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedFunctionsMetadataPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset('functions.json');
          if (!source) return; // metadata generation failed; its own errors are already reported
          // Loaded fresh each build so a watch/serve run picks up edited translations.
          const { localizeMetadata } = tsxRequire('./src/functions/localize.ts', __filename);
          const { ZH_CN } = tsxRequire('./src/functions/zh-cn.ts', __filename);
          try {
            const json = localizeMetadata(source.source.source().toString(), ZH_CN);
            compilation.emitAsset('functions.zh-CN.json', new webpack.sources.RawSource(json));
          } catch (e) {
            compilation.errors.push(new webpack.WebpackError(String(e)));
          }
        },
      );
    });
  }
}

/** Tells the minimizer that exceljs.js is already minified. */
class MarkPreminifiedPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('MarkPreminifiedPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'MarkPreminifiedPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          if (compilation.getAsset('exceljs.js')) compilation.updateAsset('exceljs.js', (s) => s, { minimized: true });
        },
      );
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    // functions first: its CustomFunctions.associate calls should run as early as possible.
    entry: {
      functions: FUNCTIONS_TS,
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    devtool: production ? false : 'cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: {
        // The standalone page runs the ExcelJS host in the browser: use ExcelJS's own browser build.
        exceljs$: 'exceljs/dist/exceljs.min.js',
      },
    },
    module: {
      // Already a minified UMD bundle: parsing it again only costs build time.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              // ES modules let webpack drop unused exports; tsconfig stays commonjs for node and tests.
              compilerOptions: { module: 'es2020', noEmit: false, sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_TS }),
      new LocalizedFunctionsMetadataPlugin(),
      new MarkPreminifiedPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CspInlineHashPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          // The pane fetches ?sample=1's workbook next to the page.
          { from: 'assets/sample-village.xlsx', to: 'sample-village.xlsx', noErrorOnMissing: true },
          {
            from: OFFICE_JS_DIR,
            to: 'office-js',
            filter: isNeededOfficeFile,
            // Microsoft's files are already minified; keep Terser away from 15 MB of them.
            info: { minimized: true },
          },
        ],
      }),
    ],
    optimization: {
      // ExcelJS's browser build (≈1 MB, already minified) in its own chunk, exceljs.js, so that
      // Terser can skip it (MarkPreminifiedPlugin): it halves the production build on 2 cores.
      splitChunks: {
        cacheGroups: {
          exceljs: { test: /[\\/]exceljs[\\/]dist[\\/]/, name: 'exceljs', chunks: 'all', enforce: true },
        },
      },
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
