import { describe, expect, it } from 'vitest';
import { escapeHtml, textToHtmlParagraphs } from '../src/shared/dom.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('escapes an already escaped entity again (no double decoding)', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('turns null and numbers into text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('textToHtmlParagraphs', () => {
  it('splits on blank lines, keeps single newlines as breaks, and escapes', () => {
    expect(textToHtmlParagraphs('First <b>\nline\n\n  Second & last ')).toBe('<p>First &lt;b&gt;<br>line</p><p>Second &amp; last</p>');
  });

  it('gives nothing for empty text', () => {
    expect(textToHtmlParagraphs('')).toBe('');
    expect(textToHtmlParagraphs(undefined)).toBe('');
  });
});
