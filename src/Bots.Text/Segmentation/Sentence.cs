namespace Bots.Text;

/// <summary>A sentence of a text: its trimmed text and where it sits in the original string.</summary>
public readonly record struct Sentence(string Text, int Start, int Length);
