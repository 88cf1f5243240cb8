using System.Reflection;
using System.Reflection.Emit;

namespace MiaRepro.Tests.Layering;

/// <summary>
/// Which namespaces of an assembly use which, read from the compiled code: every type a type's signatures name (base
/// type, interfaces, fields, properties, events, parameters, return types, generic arguments, local variables) and every
/// type, method and field its method bodies refer to (the IL's metadata tokens, resolved). Compiler-generated types
/// (lambdas' closures, iterators, async state machines) count for the namespace they are declared in, so a dependency
/// hidden in a lambda counts too.
/// </summary>
public static class NamespaceDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Every use of one namespace of <paramref name="assembly"/> by another, restricted to namespaces under
    /// <paramref name="root"/>, with one example (user type → used type) per pair.
    /// </summary>
    public static IReadOnlyDictionary<(string From, string To), string> Of(Assembly assembly, string root)
    {
        var uses = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            var from = type.Namespace;
            if (from is null || !Under(from, root))
            {
                continue;
            }

            foreach (var used in UsedTypes(type))
            {
                var to = used.Namespace;
                if (to is not null && to != from && Under(to, root) && used.Assembly == assembly)
                {
                    uses.TryAdd((from, to), $"{type.FullName} → {used.FullName}");
                }
            }
        }

        return uses;
    }

    private static bool Under(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static HashSet<Type> UsedTypes(Type type)
    {
        var found = new HashSet<Type>();
        Add(type.BaseType, found);
        foreach (var i in type.GetInterfaces())
        {
            Add(i, found);
        }

        foreach (var a in type.GetCustomAttributesData())
        {
            Add(a.AttributeType, found);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, found);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, found);
        }

        foreach (var e in type.GetEvents(Declared))
        {
            Add(e.EventHandlerType, found);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, found);
            }

            foreach (var p in method.GetParameters())
            {
                Add(p.ParameterType, found);
            }

            AddBody(method, found);
        }

        return found;
    }

    private static void AddBody(MethodBase method, HashSet<Type> found)
    {
        MethodBody? body;
        try
        {
            body = method.GetMethodBody();
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            return;
        }

        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(local.LocalType, found);
        }

        var il = body.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var token in Tokens(il))
        {
            MemberInfo? member;
            try
            {
                member = method.Module.ResolveMember(token, typeArgs, methodArgs);
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
            {
                continue;
            }

            switch (member)
            {
                case Type used:
                    Add(used, found);
                    break;
                case FieldInfo field:
                    Add(field.DeclaringType, found);
                    Add(field.FieldType, found);
                    break;
                case MethodBase called:
                    Add(called.DeclaringType, found);
                    if (called is MethodInfo { IsGenericMethod: true } generic)
                    {
                        foreach (var arg in generic.GetGenericArguments())
                        {
                            Add(arg, found);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The metadata tokens of <paramref name="il"/>'s instructions that name a type, field or method.</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var op))
            {
                yield break; // not IL we can read; what was read so far counts
            }

            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    yield return BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    var n = BitConverter.ToInt32(il, at);
                    at += 4 + (4 * n);
                    break;
                default: // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
                    at += 4;
                    break;
            }
        }
    }

    private static void Add(Type? type, HashSet<Type> found)
    {
        if (type is null)
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(type.GetElementType(), found);
            return;
        }

        if (type.IsGenericParameter)
        {
            return;
        }

        if (type.IsConstructedGenericType)
        {
            foreach (var arg in type.GetGenericArguments())
            {
                Add(arg, found);
            }

            type = type.GetGenericTypeDefinition();
        }

        found.Add(type);
    }
}
