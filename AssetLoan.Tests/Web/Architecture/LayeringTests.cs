using System.Reflection;
using System.Reflection.Emit;
using AssetLoan.Web.Data;

namespace AssetLoan.Tests.Web.Architecture;

/// <summary>
/// Dependencies run one way (issue 12 §5): pages use <c>Data/</c> and <c>Infrastructure/</c>, never the reverse. The
/// compiled code is read (signatures, fields and every method body's IL, lambdas and async state machines included),
/// so a reference fails the test however it is written: a using, a full name or a <c>Pages.X</c> relative name.
/// </summary>
public sealed class LayeringTests
{
    private const string Pages = "AssetLoan.Web.Pages";

    [Theory]
    [InlineData("AssetLoan.Web.Data")]
    [InlineData("AssetLoan.Web.Infrastructure")]
    public void NoTypeIn_ReferencesThePages(string layer)
    {
        var found = WebTypes()
            .Where(t => InNamespace(t, layer))
            .SelectMany(t => References(t).Where(r => InNamespace(r.Type, Pages)).Select(r => $"{Name(t)}.{r.Where} → {Name(r.Type)}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(found.Count == 0, $"{layer} references {Pages}:\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScan_SeesReferencesInsideMethodBodies()
    {
        // The handover page asks LoanDesk for the loan only inside an async handler: the scan must see it.
        var handover = WebTypes().Single(t => t.FullName == "AssetLoan.Web.Pages.Supplies.HandoverModel");
        var seen = WebTypes().Where(t => t == handover || t.DeclaringType == handover).SelectMany(References).Select(r => r.Type.FullName);
        Assert.Contains("AssetLoan.Web.Pages.Supplies.LoanDesk", seen);
    }

    private static Type[] WebTypes() => typeof(AppDbContext).Assembly.GetTypes();

    private static bool InNamespace(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    private static string Name(Type type) => type.FullName ?? type.Name;

    private static IEnumerable<(string Where, Type Type)> References(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var t in Expand(type.BaseType).Concat(type.GetInterfaces().SelectMany(Expand)))
        {
            yield return ("(base)", t);
        }

        foreach (var field in type.GetFields(all))
        {
            foreach (var t in Expand(field.FieldType))
            {
                yield return (field.Name, t);
            }
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            var signature = method.GetParameters().Select(p => p.ParameterType)
                .Concat(method is MethodInfo m ? [m.ReturnType] : []);
            foreach (var t in signature.SelectMany(Expand).Concat(BodyReferences(method)))
            {
                yield return (method.Name, t);
            }
        }
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var body = method.GetMethodBody();
        var il = body?.GetILAsByteArray();
        if (body is null || il is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables.SelectMany(l => Expand(l.LocalType)))
        {
            yield return local;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var code = (short)il[i++];
            if (code == 0xFE)
            {
                code = unchecked((short)(0xFE00 | il[i++]));
            }

            var op = OpCodesByValue[code];
            var operand = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    member = null;
                }

                var types = member switch
                {
                    Type t => Expand(t),
                    MethodInfo { IsGenericMethod: true } gm => Expand(gm.DeclaringType).Concat(gm.GetGenericArguments().SelectMany(Expand)),
                    { } other => Expand(other.DeclaringType),
                    _ => [],
                };
                foreach (var t in types)
                {
                    yield return t;
                }
            }

            i += operand;
        }
    }

    /// <summary>A type with its element and generic argument types (<c>List&lt;LoanDeskHeader&gt;</c> names LoanDeskHeader).</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        yield return type;
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()))
            {
                yield return t;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);
}
