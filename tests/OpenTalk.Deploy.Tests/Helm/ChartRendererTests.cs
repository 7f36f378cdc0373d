namespace OpenTalk.Deploy.Tests.Helm;

/// <summary>The renderer does what Helm does for the subset it knows, and refuses everything else.</summary>
public sealed class ChartRendererTests
{
    private static readonly Dictionary<string, object?> Root = new()
    {
        ["Values"] = new Dictionary<string, object?>
        {
            ["name"] = "x",
            ["on"] = true,
            ["off"] = false,
            ["list"] = new List<object?> { "a", "b" },
            ["map"] = new Dictionary<string, object?> { ["z"] = 1L, ["a"] = "two" },
            ["nothing"] = null,
        },
        ["Release"] = new Dictionary<string, object?> { ["Name"] = "rel" },
    };

    private static string Render(string template) => ChartRenderer.Render(template, Root);

    [Fact]
    public void Values_quote_and_trimming_render_as_in_helm()
    {
        Assert.Equal("name: \"x\"\nrel", Render("name: {{ .Values.name | quote }}\n{{- if .Values.on }}\n{{ .Release.Name }}\n{{- end }}"));
        Assert.Equal("b", Render("{{ if .Values.off }}a{{ else }}b{{ end }}"));
        Assert.Equal("b", Render("{{ if not .Values.on }}a{{ else }}b{{ end }}"));
        Assert.Equal("a", Render("{{/* a comment */}}a"));
    }

    [Fact]
    public void Range_gives_index_and_element_and_sorts_map_keys()
    {
        Assert.Equal("0=a,1=b,", Render("{{ range $i, $v := .Values.list }}{{ $i }}={{ $v }},{{ end }}"));
        Assert.Equal("a=two,z=1,", Render("{{ range $k, $v := .Values.map }}{{ $k }}={{ $v }},{{ end }}"));
        Assert.Equal("rel-a rel-b ", Render("{{ range .Values.list }}{{ $.Release.Name }}-{{ . }} {{ end }}"));
    }

    [Fact]
    public void ToYaml_with_nindent_indents_every_line()
    {
        Assert.Equal("m:\n  a: two\n  z: 1", Render("m:{{- toYaml .Values.map | nindent 2 }}"));
    }

    [Theory]
    [InlineData("{{ include \"x\" . }}")]
    [InlineData("{{ .Values.name | default \"y\" }}")]
    [InlineData("{{ .Values.name | upper }}")]
    [InlineData("{{ with .Values.map }}{{ .a }}{{ end }}")]
    [InlineData("{{ define \"x\" }}a{{ end }}")]
    [InlineData("{{ tpl .Values.name . }}")]
    [InlineData("{{ .Values.missing }}")]
    [InlineData("{{ .Values.nothing }}")]
    [InlineData("{{ .Values.map }}")]
    [InlineData("{{ if .Values.on }}a")]
    [InlineData("a{{ end }}")]
    [InlineData("{{ $undefined }}")]
    [InlineData("{{ (.Values.name) }}")]
    public void Refuses_what_it_does_not_know(string template)
    {
        Assert.Throws<TemplateException>(() => Render(template));
    }

    [Fact]
    public void Setting_a_value_that_values_yaml_does_not_define_fails()
    {
        var chart = new ChartRenderer(Repository.PathOf("deploy/helm/opentalk"));
        Assert.Throws<KeyNotFoundException>(() => chart.With("coturn.enabeld", true));
    }
}
