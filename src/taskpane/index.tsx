/**
 * Entry of the task pane. Inside Excel it works on the live workbook; opened in a plain browser
 * (no Office host, or office.js absent/unreachable) it runs standalone on an .xlsx file.
 */
import './csp';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { createAppEngine } from './engine';
import { createExcelPaneHost, createStandalonePaneHost, type PaneHost } from './host';
import { MESSAGES, MessagesContext, pickLang, type Lang } from './i18n';

/** office.js never resolves onReady when it cannot reach its host scripts; do not wait forever. */
const OFFICE_READY_TIMEOUT_MS = 1500;
const LANG_KEY = 'cunzhang.lang';

function detectExcel(): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(false);
  const ready = Office.onReady().then((info) => info.host === Office.HostType.Excel, () => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OFFICE_READY_TIMEOUT_MS));
  return Promise.race([ready, timeout]);
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
  const inExcel = await detectExcel();
  const host = inExcel ? createExcelPaneHost() : createStandalonePaneHost(window.location);
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(
    <StrictMode>
      <Root host={host} />
    </StrictMode>,
  );
}

void start();
