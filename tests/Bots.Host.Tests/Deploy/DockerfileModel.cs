using System.Text;

namespace Bots.Host.Tests.Deploy;

internal sealed record DockerInstruction(string Keyword, string Arguments, int Line);

internal sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword);
}

/// <summary>
/// A Dockerfile read the way BuildKit reads it: comment lines dropped, continuation lines joined,
/// instructions grouped into stages, stages built FROM another stage inheriting its settings.
/// </summary>
internal sealed class DockerfileModel
{
    private DockerfileModel(string path, IReadOnlyList<DockerStage> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>Stages that run something: the images the file is built for.</summary>
    public IEnumerable<DockerStage> Targets => Stages.Where(s => Effective(s, "ENTRYPOINT") is not null);

    public IEnumerable<DockerInstruction> Instructions => Stages.SelectMany(s => s.Instructions);

    public static DockerfileModel Load(string path)
    {
        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var instruction in ReadInstructions(path))
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => !w.StartsWith("--", StringComparison.Ordinal))
                    .ToArray();
                var name = words.Length >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                current = [];
                stages.Add(new DockerStage(words[0], name, current));
            }
            else if (current is not null)
            {
                current.Add(instruction);
            }
        }

        return new DockerfileModel(path, stages);
    }

    public DockerStage? Stage(string name) =>
        Stages.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stage and the stages it is built FROM, nearest first.</summary>
    public IEnumerable<DockerStage> Lineage(DockerStage stage)
    {
        for (DockerStage? s = stage; s is not null; s = Stage(s.BaseImage))
        {
            yield return s;
        }
    }

    /// <summary>The external image a stage ultimately starts from.</summary>
    public string RootImage(DockerStage stage) => Lineage(stage).Last().BaseImage;

    /// <summary>The instruction in force for a stage: its own last one, else its base stage's.</summary>
    public DockerInstruction? Effective(DockerStage stage, string keyword) =>
        Lineage(stage).Select(s => s.All(keyword).LastOrDefault()).FirstOrDefault(i => i is not null);

    private static IEnumerable<DockerInstruction> ReadInstructions(string path)
    {
        var lines = File.ReadAllLines(path);
        var text = new StringBuilder();
        var startLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#') || (line.Length == 0 && text.Length == 0))
            {
                continue;
            }

            if (text.Length == 0)
            {
                startLine = i + 1;
            }

            var continues = line.EndsWith('\\');
            text.Append(continues ? line[..^1] : line).Append(' ');
            if (continues)
            {
                continue;
            }

            var joined = text.ToString().Trim();
            text.Clear();
            var space = joined.IndexOf(' ');
            var keyword = (space < 0 ? joined : joined[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : joined[(space + 1)..].Trim();
            yield return new DockerInstruction(keyword, arguments, startLine);
        }
    }
}
