'use client';

import { useEffect, useState } from 'react';
import { Input } from '@/components/ui/input';

const parse = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

/** A list of tokens typed as "NULL, N/A, -": commas and spaces can be typed freely; the list follows. */
export function TokenListInput({ label, value, onChange, placeholder }: { label: string; value: readonly string[] | undefined; onChange: (tokens: string[] | undefined) => void; placeholder?: string }) {
  const [text, setText] = useState((value ?? []).join(', '));
  useEffect(() => {
    setText((current) => (parse(current).join('\u0000') === (value ?? []).join('\u0000') ? current : (value ?? []).join(', ')));
  }, [value]);
  return (
    <Input
      aria-label={label}
      value={text}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value);
        const tokens = parse(e.target.value);
        onChange(tokens.length ? tokens : undefined);
      }}
      className="font-mono text-xs"
    />
  );
}
