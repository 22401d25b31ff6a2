namespace Portal.Places.Catalog;

/// <summary>Thrown when data is invalid; the portal serves all of it or none of it.</summary>
public sealed class DataValidationException(IReadOnlyList<DataProblem> problems)
    : Exception($"The data has {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<DataProblem> Problems { get; } = problems;
}
