/**
 * 新年度建账 says plainly what happens in each host: standalone, the new book is a download; in Excel
 * the card explains that too, and what to do when Excel shows no download. Rendered on the server.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { NewYearCard } from '../../src/taskpane/components/year-end-cards';
import { MESSAGES, MessagesContext, type Lang } from '../../src/taskpane/i18n';

function card(inExcel: boolean, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <MessagesContext.Provider value={MESSAGES[lang]}>
        <NewYearCard fiscalYear={2025} busy={false} inExcel={inExcel} onNewYear={() => undefined} />
      </MessagesContext.Provider>
    </FluentProvider>,
  );
}

describe('NewYearCard', () => {
  it('builds the year after the book\'s own year', () => {
    const html = card(false);
    expect(html).toContain('建立 2026 年度新账簿');
    expect(html).toContain('从已年终结账的 2025 年度账簿建立 2026 年度账簿');
    expect(html).not.toContain('data-testid="new-year-excel"');
  });

  it('in Excel, explains the download and the way round a blocked one', () => {
    const html = card(true);
    expect(html).toContain('data-testid="new-year-excel"');
    expect(html).toContain('cunzhang new-year');
    expect(card(true, 'en-US')).toContain('Build the 2026 book');
  });
});
