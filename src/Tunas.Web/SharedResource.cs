namespace Tunas.Web;

/// <summary>
/// Marker for the app's one resource set (Resources/SharedResource*.resx). Keys are the English text;
/// SharedResource.id.resx holds the Indonesian for every key.
/// </summary>
public sealed class SharedResource;
