namespace Bots.Text.Entities;

/// <summary>What kind of thing a name refers to.</summary>
public enum EntityKind
{
    Person,
    Place,
    Organization,

    /// <summary>A proper name of an unknown kind (events, works, products, uncertain names).</summary>
    Other,
}

/// <summary>
/// A name found in text. <see cref="Text"/> is the span as written (with any title: "President Mahmoud Abbas");
/// <see cref="Name"/> is the name alone ("Mahmoud Abbas") and <see cref="Title"/> the role before it, if any.
/// <see cref="FullName"/> links a later short mention ("Abbas") to the fullest form seen in the same text.
/// </summary>
public sealed record EntityMention(int Start, int Length, string Text, EntityKind Kind, string Name, string? Title = null, string? FullName = null)
{
    public int End => Start + Length;

    /// <summary>The fullest known form of the name.</summary>
    public string Canonical => FullName ?? Name;
}
