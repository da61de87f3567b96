using Upheld.Letters;

namespace Upheld.Tests.Letters;

/// <summary>Counts in words up to nine, figures from 10; remedies joined as the letters join them.</summary>
public sealed class LetterWordsTests
{
    [Theory]
    [InlineData(1, "one")]
    [InlineData(2, "two")]
    [InlineData(9, "nine")]
    [InlineData(10, "10")]
    [InlineData(1400, "1,400")]
    public void Counts_are_words_up_to_nine(int n, string expected) => Assert.Equal(expected, LetterWords.Count(n));

    [Fact]
    public void Late_remedies_follow_the_count()
    {
        var text = new CountedText("in one case, a remedy was", "in {count} cases, remedies were");

        Assert.Equal("in one case, a remedy was", text.For(1));
        Assert.Equal("in three cases, remedies were", text.For(3));
        Assert.Equal("in 12 cases, remedies were", text.For(12));
    }

    [Fact]
    public void Remedies_are_joined_with_to_and_a_final_and()
    {
        Assert.Equal("apologise", LetterWords.Actions(["apologise"]));
        Assert.Equal("apologise and to pay £100", LetterWords.Actions(["apologise", "pay £100"]));
        Assert.Equal("pay £4,200, to remind officers, and to review its policy",
            LetterWords.Actions(["pay £4,200", "remind officers", "review its policy"]));
    }

    [Fact]
    public void Dates_are_written_day_month_year() => Assert.Equal("1 April 2019", LetterWords.Date(new DateOnly(2019, 4, 1)));
}
