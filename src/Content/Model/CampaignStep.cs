namespace Portal.Content.Model;

/// <summary>The three steps of the national Denk Vooruit campaign a page belongs to.</summary>
public enum CampaignStep
{
    None,
    Noodpakket,
    Noodplan,
    ElkaarHelpen,
}
