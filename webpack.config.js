/**
 * Builds the add-in into dist/: one page, taskpane.html, for the shared runtime, loading
 * Office.js from Microsoft's CDN only when opened inside Office (?office=1; see taskpane.html),
 * then functions.js and taskpane.js; functions.json generated from the JSDoc of src/functions/functions.ts and
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
      // dist/cli is the built command line (src/dev/build-cli.cjs), not ours to clear.
      clean: { keep: /^cli(\/|\\|$)/ },
    },
    devtool: production ? false : 'cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
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
        ],
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
