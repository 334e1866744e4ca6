/**
 * Entry of the task pane. The page knows it runs inside Office from how it was opened: the
 * manifest's URLs carry ?office=1, and then taskpane.html has loaded Office.js from Microsoft's
 * CDN. It waits for Office.onReady however long a slow Excel takes, showing 正在连接 Excel…, and
 * works on the live workbook. Opened any other way (a plain browser, WPS users, township staff)
 * it loads no Office.js and runs standalone on an .xlsx file. No timer decides, so nothing races.
 */
import './csp';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { StartupScreen } from './components/startup-screen';
import { createAppEngine } from './engine';
import { createExcelPaneHost, createStandalonePaneHost, type PaneHost } from './host';
import { MESSAGES, MessagesContext, pickLang, type Lang } from './i18n';

const LANG_KEY = 'cunzhang.lang';

/** Opened from the manifest (taskpane.html?office=1): inside Office. */
export function openedInOffice(search: string): boolean {
  return new URLSearchParams(search).get('office') === '1';
}

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  let saved: string | null = null;
  try {
    saved = window.localStorage.getItem(LANG_KEY);
  } catch {
    // Storage can be blocked in Office web views; the default is fine then.
  }
  return pickLang(fromUrl ?? saved);
}

function Root({ host }: { host: PaneHost }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [engine] = useState(createAppEngine);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang].appTitle;
  }, [lang]);
  const toggle = useCallback(() => {
    setLang((l) => {
      const next: Lang = l === 'zh-CN' ? 'en-US' : 'zh-CN';
      try {
        window.localStorage.setItem(LANG_KEY, next);
      } catch {
        // See initialLang.
      }
      return next;
    });
  }, []);
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <MessagesContext.Provider value={MESSAGES[lang]}>
        <App host={host} engine={engine} onToggleLang={toggle} />
      </MessagesContext.Provider>
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  let host: PaneHost = createStandalonePaneHost(window.location);
  if (openedInOffice(window.location.search)) {
    const lang = initialLang();
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
      root.render(<StartupScreen lang={lang} state="no-office-js" />);
      return;
    }
    root.render(<StartupScreen lang={lang} state="connecting" />);
    const info = await Office.onReady();
    if (info.host === Office.HostType.Excel) host = createExcelPaneHost();
  }
  root.render(
    <StrictMode>
      <Root host={host} />
    </StrictMode>,
  );
}

void start();
