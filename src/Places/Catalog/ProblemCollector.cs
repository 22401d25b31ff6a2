namespace Portal.Places.Catalog;

/// <summary>Collects problems for one file so that a loader reports all of them, not just the first.</summary>
internal sealed class ProblemCollector(string file, List<DataProblem> sink)
{
    public string File { get; } = file;

    public void Add(string location, string field, string message) => sink.Add(new DataProblem(File, location, field, message));
}
