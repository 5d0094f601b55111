using System.Reflection;
using System.Text.Json.Serialization;

namespace Tunas.Web.Infrastructure;

/// <summary>Follows a System.Text.Json error path (<c>$.tracks[1].size</c>) through a body type to the type of that field.</summary>
public static class JsonBodyPath
{
    public static Type? Resolve(Type? root, string path)
    {
        var type = root;
        var i = path.StartsWith('$') ? 1 : 0;
        while (type is not null && i < path.Length)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                var name = path[(i + 1)..(end < 0 ? path.Length : end)];
                type = Property(type, name);
                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[' && path.IndexOf(']', i) is var close and > 0)
            {
                var inside = path[(i + 1)..close];
                type = inside.StartsWith('\'') ? Property(type, inside.Trim('\'')) : ElementType(type);
                i = close + 1;
            }
            else
            {
                return null;
            }
        }
        return type;
    }

    /// <summary>A JSON array in the body: an array or any sequence but text and dictionaries.</summary>
    public static bool IsList(Type type) => ElementType(type) is not null;

    private static Type? Property(Type type, string jsonName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, jsonName, StringComparison.OrdinalIgnoreCase))
            ?.PropertyType;

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var sequence = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var element = sequence?.GetGenericArguments()[0];
        return element is { IsGenericType: true } pair && pair.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? null : element;
    }
}
