import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowSwapRegular, LocalLanguageRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { PaneHost } from '../host';
import { useMessages } from '../i18n';
import type { PaneEngine } from '../model';
import { useBook } from '../use-book';
import { BooksPanel } from './books-panel';
import { ConsolidationPanel } from './consolidation-panel';
import { ContractsPanel } from './contracts-panel';
import { DisclosurePanel } from './disclosure-panel';
import { useDisclosure } from '../use-disclosure';
import { FileOpener } from './file-opener';
import { NavTabs } from './nav-tabs';
import { PlanPanel } from './plan-panel';
import { usePlan } from '../use-plan';
import { ProgressCard } from './progress-card';
import { SheetPreview } from './sheet-preview';
import { LiveFindings } from './live-findings';
import { useLiveChecks } from '../use-live-checks';
import { NARROW } from './narrow';

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '1100px', margin: '0 auto', fontSize: tokens.fontSizeBase400,
    [NARROW]: { padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalS },
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  brand: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  fileBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  grow: { flexGrow: 1 },
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', paddingBlock: '2px' },
  panel: { paddingBlock: tokens.spacingVerticalM },
});

type TabKey = 'books' | 'income' | 'plan' | 'disclosure' | 'consolidation';

export interface AppProps {
  host: PaneHost;
  engine: PaneEngine;
  onToggleLang: () => void;
}

export function App({ host, engine, onToggleLang }: AppProps) {
  const m = useMessages();
  const s = useStyles();
  const [tab, setTab] = useState<TabKey>('books');
  const st = useBook(host, engine, m);
  const disclosure = useDisclosure(engine, st);
  const live = useLiveChecks(host, engine, st.meta);
  const plan = usePlan(engine, st, host);
  const busy = st.runner.busy !== undefined;
  const needFile = host.kind === 'standalone' && !st.book;
  const tabs: { key: TabKey; label: string }[] = [
    { key: 'books', label: m.tabBooks },
    { key: 'income', label: m.tabIncome },
    { key: 'plan', label: m.tabPlan },
    { key: 'disclosure', label: m.tabDisclosure },
    { key: 'consolidation', label: m.tabConsolidation },
  ];

  const panel = () => {
    if (tab === 'consolidation') return <ConsolidationPanel host={host} runner={st.runner} />;
    if (needFile) return <FileOpener onFile={st.openFile} onSample={st.openSample} onNew={st.createBlank} disabled={busy} />;
    if (tab === 'disclosure') {
      return <DisclosurePanel state={disclosure} fiscalYear={st.meta?.fiscalYear} busy={busy} onReveal={st.reveal} preview={st.preview && <SheetPreview sheet={st.preview.sheet} rows={st.preview.rows} highlightRow={st.preview.row} onClose={st.closePreview} />} />;
    }
    if (tab === 'plan') {
      return <PlanPanel state={plan} isVillageBook={st.meta !== undefined} busy={busy} onReveal={st.reveal} preview={st.preview && <SheetPreview sheet={st.preview.sheet} rows={st.preview.rows} highlightRow={st.preview.row} onClose={st.closePreview} />} />;
    }
    if (tab === 'income') {
      return <ContractsPanel contracts={st.contracts} onLoad={st.loadContracts} busy={busy} isVillageBook={st.meta !== undefined} />;
    }
    return (
      <BooksPanel
        meta={st.meta}
        busy={busy}
        findings={st.findings}
        report={st.report}
        defaultYear={new Date().getFullYear()}
        preview={st.preview && <SheetPreview sheet={st.preview.sheet} rows={st.preview.rows} highlightRow={st.preview.row} onClose={st.closePreview} />}
        inExcel={host.kind === 'excel'}
        slips={st.slips}
        onSetup={st.setup}
        onSetupFrom2004={st.setupFrom2004}
        onShowSlips={st.showSlips}
        onCloseSlips={st.closeSlips}
        onNewYear={st.newYear}
        onValidate={st.validate}
        onBuildReports={st.buildReports}
        onCloseYear={st.closeYear}
        onLock={st.lock}
        onReveal={st.reveal}
      />
    );
  };

  return (
    <div className={s.root}>
      <header className={s.header}>
        <div className={s.brand}>
          <h1 className={s.title}>{m.appTitle}</h1>
          <Text size={400}>{m.appSubtitle}</Text>
          <Badge className={s.badge} appearance="tint" color={host.kind === 'excel' ? 'success' : 'informative'} data-testid="mode">
            {host.kind === 'excel' ? m.modeExcel : m.modeStandalone}
          </Badge>
        </div>
        <Button icon={<LocalLanguageRegular />} onClick={onToggleLang} aria-label={`${m.languageLabel}: ${m.otherLangName}`} lang={m.lang === 'zh-CN' ? 'en' : 'zh'}>
          {m.otherLangName}
        </Button>
      </header>

      {host.kind === 'standalone' && st.book && (
        <div className={s.fileBar}>
          <Text size={400} weight="semibold" data-testid="file-name">{m.fileOpened}{st.book.fileName}</Text>
          {st.meta && <Text size={400}>{m.bookLine(st.meta.village, st.meta.township, st.meta.fiscalYear)}</Text>}
          {st.meta?.lockedThrough && <Badge appearance="outline">{m.lockedThroughNote(st.meta.lockedThrough)}</Badge>}
          <span className={s.grow} />
          <Button appearance="primary" size="large" icon={<ArrowDownloadRegular />} disabled={busy} onClick={st.download} title={m.downloadHint}>{m.download}</Button>
          <Button size="large" icon={<ArrowSwapRegular />} disabled={busy} onClick={st.closeBook}>{m.closeFile}</Button>
        </div>
      )}
      {host.kind === 'excel' && st.meta && <Text size={400}>{m.bookLine(st.meta.village, st.meta.township, st.meta.fiscalYear)}</Text>}

      <NavTabs tabs={tabs} selected={tab} onSelect={setTab} label={m.navLabel} moreLabel={m.moreTabs} />

      {st.runner.busy && <ProgressCard busy={st.runner.busy} onCancel={st.runner.cancel} />}
      {st.runner.notice && (
        <MessageBar intent={st.runner.notice.kind} data-testid={`notice-${st.runner.notice.kind}`} layout="multiline">
          <MessageBarBody>
            <Text size={400}>{st.runner.notice.text(m)}</Text>
          </MessageBarBody>
        </MessageBar>
      )}

      <LiveFindings findings={live.findings} checking={live.checking} onReveal={st.reveal} onClear={live.clear} />
      <main className={s.panel} role="tabpanel" aria-label={tabs.find((t) => t.key === tab)?.label}>
        {panel()}
      </main>
    </div>
  );
}
