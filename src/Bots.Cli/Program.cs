using System.CommandLine;
using Bots.Cli;

var root = new RootCommand("bots: the internal client of the Bots services (ask, import, eval, bench, health)");
var parents = new Dictionary<string, Command>(StringComparer.Ordinal) { [""] = root };
var commands = typeof(ICliCommand).Assembly.GetTypes()
    .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(t))
    .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Parent, StringComparer.Ordinal);
foreach (var command in commands)
{
    if (!parents.TryGetValue(command.Parent, out var parent))
    {
        parent = new Command(command.Parent, $"{command.Parent} commands");
        root.Subcommands.Add(parent);
        parents[command.Parent] = parent;
    }
    parent.Subcommands.Add(command.Build());
}
return await root.Parse(args).InvokeAsync();
