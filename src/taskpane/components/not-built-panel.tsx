import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';

/** A panel whose feature is not built yet: said plainly, with nothing to click. */
export function NotBuiltPanel({ title, body, testId }: { title: string; body: string; testId: string }) {
  return (
    <MessageBar intent="info" data-testid={testId} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          <Text size={400} weight="semibold">{title}</Text>
        </MessageBarTitle>
        <Text size={400} block>{body}</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
