using System.CommandLine;

namespace Bots.Cli;

/// <summary>One `bots` sub-command. Implementations are found by reflection, so each lives in its own file.</summary>
public interface ICliCommand
{
    /// <summary>The parent command's name ("" for the root, "eval", "bench"), created on first use.</summary>
    string Parent { get; }

    Command Build();
}
