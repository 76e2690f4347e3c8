using Bots.Summarizer.Summaries;

namespace Bots.Summarizer.Tests.Summaries;

public class DocumentSentenceTests
{
    [Fact]
    public void Split_NumbersSentencesInOrder()
    {
        var sentences = DocumentSentence.Split("One is here. Two is there.\nThree is everywhere.");

        Assert.Equal([0, 1, 2], sentences.Select(s => s.Index));
    }

    [Fact]
    public void Split_LinesAreParagraphsWhenThereAreNoBlankLines()
    {
        var sentences = DocumentSentence.Split("One is here. Two is there.\nThree is everywhere.");

        Assert.Equal([0, 0, 1], sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 0], sentences.Select(s => s.IndexInParagraph));
    }

    [Fact]
    public void Split_BlankLinesSeparateParagraphsWhenPresent()
    {
        var sentences = DocumentSentence.Split("One.\nTwo.\n\nThree.");

        Assert.Equal([0, 0, 1], sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Split_KeepsWordsAndStemmedContentTerms()
    {
        var sentence = DocumentSentence.Split("The presidents were meeting.")[0];

        Assert.Equal(["the", "presidents", "were", "meeting"], sentence.Words);
        Assert.Equal(["presidents", "meeting"], sentence.ContentWords);
        Assert.Equal(["presid", "meet"], sentence.Terms);
    }

    [Fact]
    public void Split_LeavesOutARepeatedTitleLine()
    {
        var sentences = DocumentSentence.Split("Abbas meets Putin\nThe leaders met on Tuesday.", "Abbas meets Putin");

        Assert.Equal(["The leaders met on Tuesday."], sentences.Select(s => s.Text));
        Assert.Equal(0, sentences[0].Index);
    }

    [Fact]
    public void Split_NormalisesCurlyQuotes()
    {
        Assert.Equal("Russia's role.", DocumentSentence.Split("Russia\u2019s role.")[0].Text);
    }
}
