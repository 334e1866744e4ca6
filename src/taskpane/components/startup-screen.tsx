/**
 * What the pane shows inside Office before Excel is ready: "正在连接 Excel…" while Office.onReady
 * is pending (however long a slow Excel takes), or why it cannot connect.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { STARTUP_MESSAGES } from '../startup-i18n';

export function StartupScreen({ lang, state }: { lang: Lang; state: 'connecting' | 'no-office-js' }) {
  const m = STARTUP_MESSAGES[lang];
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh', padding: '16px' }}>
      {state === 'connecting' ? (
        <div data-testid="connecting" role="status">
          <Spinner label={m.connecting} labelPosition="below" />
          <p style={{ textAlign: 'center' }}>{m.connectingHint}</p>
        </div>
      ) : (
        <MessageBar intent="error" layout="multiline" data-testid="no-office-js">
          <MessageBarBody>
            <MessageBarTitle>{m.noOfficeJs}</MessageBarTitle>
            {m.noOfficeJsHint}
          </MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>
  );
}
