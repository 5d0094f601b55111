using Tunas.Web.Features.Applications;

namespace Tunas.UnitTests.Features.Applications;

public class RegistrationNumbersTests
{
    [Fact]
    public void ANumberIsThePrefixAndTwoGroupsOfFourReadableCharacters()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var number = RegistrationNumbers.New();

            Assert.Matches("^TNS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", number);
            Assert.True(number.Length <= 24);
        }
    }

    [Fact]
    public void NumbersDoNotRepeat()
    {
        var numbers = Enumerable.Range(0, 100_000).Select(_ => RegistrationNumbers.New()).ToHashSet(StringComparer.Ordinal);

        // 2^40 possible codes: a repeat among 100,000 has a chance of about 1 in 200.
        Assert.True(numbers.Count >= 99_998);
    }

    [Fact]
    public void EveryCharacterOfTheAlphabetTurnsUp()
    {
        var seen = string.Concat(Enumerable.Range(0, 2_000).Select(_ => RegistrationNumbers.New()[4..].Replace("-", "", StringComparison.Ordinal))).ToHashSet();

        Assert.Equal(32, seen.Count);
        Assert.DoesNotContain('I', seen);
        Assert.DoesNotContain('L', seen);
        Assert.DoesNotContain('O', seen);
        Assert.DoesNotContain('U', seen);
    }

    [Theory]
    [InlineData("TNS-7K3Q-9MXD", "TNS-7K3Q-9MXD")]
    [InlineData("tns-7k3q-9mxd", "TNS-7K3Q-9MXD")]
    [InlineData(" tns 7k3q 9mxd ", "TNS-7K3Q-9MXD")]
    [InlineData("7K3Q9MXD", "TNS-7K3Q-9MXD")]
    [InlineData("7K3Q-9MXD", "TNS-7K3Q-9MXD")]
    [InlineData("TNS-OK3Q-IMXL", "TNS-0K3Q-1MX1")]
    public void ATypedNumberIsReadAsStored(string typed, string stored)
    {
        Assert.True(RegistrationNumbers.TryNormalize(typed, out var number));
        Assert.Equal(stored, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TNS-7K3Q-9MX")]
    [InlineData("TNS-7K3Q-9MXDD")]
    [InlineData("TNS-7K3Q-9MXU")]
    [InlineData("TNS-7K3Q/9MXD")]
    [InlineData("ABC-7K3Q-9MXD")]
    public void SomethingElseIsNotANumber(string? typed)
    {
        Assert.False(RegistrationNumbers.TryNormalize(typed, out _));
    }
}
