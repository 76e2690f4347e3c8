using System.Text.Json;
using Bots.Chat.Commands;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Discord;

/// <summary>POST /discord/interactions: verifies Discord's signature, answers PING and autocomplete, and runs
/// slash commands through the shared command handler, deferring when the answer takes longer than Discord's
/// 3-second window allows.</summary>
public sealed class DiscordInteractions
{
    public const string Path = "/discord/interactions";
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private readonly DiscordOptions _options;
    private readonly Ed25519Verifier? _verifier;
    private readonly CommandHandler _handler;
    private readonly DiscordRestClient _rest;
    private readonly ILogger<DiscordInteractions> _logger;
    private readonly CancellationToken _stopping;

    public DiscordInteractions(
        IOptions<DiscordOptions> options,
        CommandHandler handler,
        DiscordRestClient rest,
        IHostApplicationLifetime lifetime,
        ILogger<DiscordInteractions> logger)
    {
        _options = options.Value;
        _verifier = _options.Enabled ? new Ed25519Verifier(_options.PublicKey!) : null;
        _handler = handler;
        _rest = rest;
        _logger = logger;
        _stopping = lifetime.ApplicationStopping;
    }

    /// <summary>The slash commands registered at start-up.</summary>
    public static IReadOnlyList<ApplicationCommand> Commands(int maxQuestionLength) =>
    [
        Command(ChatCommands.Ask, "Ask a question about the news", Text("question", "Your question, e.g. When did Abbas visit Moscow?", false, maxQuestionLength)),
        Command(ChatCommands.Summary, "Summarise what the articles say about a topic", Text("topic", "A person, place, event or title", true, maxQuestionLength)),
        Command(ChatCommands.Timeline, "Dated events about a topic, oldest first", Text("topic", "A person, place, event or title", true, maxQuestionLength)),
        Command(ChatCommands.Sources, "What the article collection holds"),
    ];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (_verifier is null)
        {
            return Results.NotFound();
        }

        var body = await RequestBody.ReadAsync(context, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = context.Request.Headers;
        if (!_verifier.VerifyRequest(headers[SignatureHeader].FirstOrDefault(), headers[TimestampHeader].FirstOrDefault(), body))
        {
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options);
        }
        catch (JsonException e)
        {
            _logger.LogWarning("Discord interaction body is not valid JSON: {Reason}", e.Message);
            return Results.BadRequest(new { error = "The body is not a Discord interaction." });
        }

        return interaction?.Type switch
        {
            InteractionType.Ping => Respond(new InteractionResponse { Type = InteractionCallbackType.Pong }),
            InteractionType.Autocomplete => await AutocompleteAsync(interaction, context.RequestAborted),
            InteractionType.ApplicationCommand => await CommandAsync(interaction, context),
            null => Results.BadRequest(new { error = "The body is not a Discord interaction." }),
            _ => Respond(Message(DiscordEmbedRenderer.Render(ChatReply.Error("I only understand slash commands: try /ask.")))),
        };
    }

    private async Task<IResult> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var focused = Flatten(interaction.Data?.Options).FirstOrDefault(o => o.Focused == true);
        var prefix = focused?.Text ?? "";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(500, _options.DeferAfterMilliseconds)));
        IReadOnlyList<string> suggestions;
        try
        {
            suggestions = await _handler.SuggestAsync(prefix, DiscordEmbedRenderer.MaxChoices, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Discord autocomplete {InteractionId} timed out waiting for suggestions", interaction.Id);
            suggestions = [];
        }

        return Respond(new InteractionResponse
        {
            Type = InteractionCallbackType.AutocompleteResult,
            Data = DiscordEmbedRenderer.Choices(suggestions),
        });
    }

    private async Task<IResult> CommandAsync(Interaction interaction, HttpContext context)
    {
        var name = interaction.Data?.Name?.ToLowerInvariant() ?? "";
        var argument = Flatten(interaction.Data?.Options).FirstOrDefault(o => o.Name is "question" or "topic")?.Text ?? "";
        var request = new ChatRequest($"discord:{interaction.UserId}", name, argument.Trim());
        var work = _handler.HandleAsync(request, _stopping);

        var finished = await Task.WhenAny(work, Task.Delay(_options.DeferAfterMilliseconds, context.RequestAborted));
        if (finished == work)
        {
            return Respond(Message(DiscordEmbedRenderer.Render(await work)));
        }

        // Not ready within the window: acknowledge now and edit the answer in once it is; the edit must not
        // race the acknowledgement, so it starts when the response has been sent.
        context.Response.OnCompleted(() =>
        {
            _ = FollowUpAsync(interaction, work);
            return Task.CompletedTask;
        });
        return Respond(new InteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource });
    }

    private async Task FollowUpAsync(Interaction interaction, Task<ChatReply> work)
    {
        ChatReply reply;
        try
        {
            reply = await work;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Discord interaction {InteractionId} (/{Command}) failed", interaction.Id, interaction.Data?.Name);
            reply = ChatReply.Error("Sorry, something went wrong while answering. Please try again in a minute.");
        }

        var message = DiscordEmbedRenderer.Render(reply);

        // Whether a deferred reply is private was fixed by the acknowledgement; an edit cannot change it.
        message.Flags = null;
        try
        {
            await _rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, message, _stopping);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Discord interaction {InteractionId}: the answer could not be delivered", interaction.Id);
        }
    }

    private static IEnumerable<CommandOption> Flatten(IEnumerable<CommandOption>? options) =>
        options?.SelectMany(o => (IEnumerable<CommandOption>)[o, .. Flatten(o.Options)]) ?? [];

    private static InteractionResponse Message(MessagePayload payload) =>
        new() { Type = InteractionCallbackType.ChannelMessageWithSource, Data = payload };

    private static IResult Respond(InteractionResponse response) =>
        Results.Json(response, DiscordJson.Options, statusCode: StatusCodes.Status200OK);

    private static ApplicationCommand Command(string name, string description, params ApplicationCommandOption[] options) =>
        new() { Name = name, Description = description, Options = options.Length == 0 ? null : [.. options] };

    private static ApplicationCommandOption Text(string name, string description, bool autocomplete, int maxLength) => new()
    {
        Name = name,
        Description = description,
        Required = true,
        Autocomplete = autocomplete ? true : null,
        MaxLength = Math.Min(maxLength, 6000),
    };
}
