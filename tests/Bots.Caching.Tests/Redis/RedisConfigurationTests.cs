using Bots.Caching.Redis;

namespace Bots.Caching.Tests.Redis;

public class RedisConfigurationTests
{
    [Fact]
    public void Parse_StackExchangeForm_ReadsEveryOption()
    {
        var config = RedisConfiguration.Parse(
            "cache.internal:6390,password=s3cret,user=app,ssl=true,sslHost=redis.example,defaultDatabase=4,connectTimeout=1500,syncTimeout=120,asyncTimeout=90,abortConnect=false,name=qa,connectRetry=5");

        Assert.Equal("cache.internal", config.Host);
        Assert.Equal(6390, config.Port);
        Assert.Equal("s3cret", config.Password);
        Assert.Equal("app", config.User);
        Assert.True(config.Ssl);
        Assert.Equal("redis.example", config.SslHost);
        Assert.Equal(4, config.DefaultDatabase);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), config.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(120), config.SyncTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(90), config.AsyncTimeout);
        Assert.False(config.AbortOnConnectFail);
        Assert.Equal("qa", config.ClientName);
        Assert.Equal(5, config.ConnectRetry);
    }

    [Theory]
    [InlineData("localhost", "localhost", 6379)]
    [InlineData("localhost,ssl=true", "localhost", 6380)]
    [InlineData("10.0.0.5:7000", "10.0.0.5", 7000)]
    [InlineData("[::1]:6400", "::1", 6400)]
    [InlineData("[::1]", "::1", 6379)]
    [InlineData(" redis:6379 , password = x ", "redis", 6379)]
    public void Parse_EndPoint_UsesStackExchangeDefaults(string text, string host, int port)
    {
        var config = RedisConfiguration.Parse(text);

        Assert.Equal(host, config.Host);
        Assert.Equal(port, config.EffectivePort);
    }

    [Fact]
    public void Parse_Uri_ReadsUserPasswordHostPortAndDatabase()
    {
        var config = RedisConfiguration.Parse("redis://app:p%40ss%3Aword@cache.internal:6390/3");

        Assert.Equal("app", config.User);
        Assert.Equal("p@ss:word", config.Password);
        Assert.Equal("cache.internal", config.Host);
        Assert.Equal(6390, config.Port);
        Assert.Equal(3, config.DefaultDatabase);
        Assert.False(config.Ssl);
    }

    [Fact]
    public void Parse_RedissUri_TurnsOnTlsAndItsDefaultPort()
    {
        var config = RedisConfiguration.Parse("rediss://:secret@cache.internal?syncTimeout=200");

        Assert.True(config.Ssl);
        Assert.Null(config.User);
        Assert.Equal("secret", config.Password);
        Assert.Equal(6380, config.EffectivePort);
        Assert.Equal(TimeSpan.FromMilliseconds(200), config.SyncTimeout);
    }

    [Fact]
    public void Parse_UriWithOnlyUserInfo_TakesItAsThePassword()
    {
        var config = RedisConfiguration.Parse("redis://secret@localhost:6379");

        Assert.Null(config.User);
        Assert.Equal("secret", config.Password);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("password=x", "no host")]
    [InlineData("a:1,b:2", "2 endpoints")]
    [InlineData("localhost,colour=blue", "'colour'")]
    [InlineData("localhost,syncTimeout=soon", "'syncTimeout'")]
    [InlineData("localhost:99999", "outside")]
    [InlineData("localhost,ssl=maybe", "'ssl'")]
    [InlineData("redis://localhost/db", "database")]
    [InlineData("localhost,syncTimeout=0", "positive")]
    public void Parse_Malformed_ThrowsNamingTheProblem(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RedisConfiguration.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_HidesThePassword()
    {
        var config = RedisConfiguration.Parse("localhost:6379,password=hunter2");

        Assert.DoesNotContain("hunter2", config.ToString(), StringComparison.Ordinal);
        Assert.Contains("hunter2", config.ToString(includePassword: true), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var original = RedisConfiguration.Parse("redis://app:pw@h:7001/2?connectTimeout=250");

        var copy = RedisConfiguration.Parse(original.ToString(includePassword: true));

        Assert.Equal(original.ToString(includePassword: true), copy.ToString(includePassword: true));
    }
}
