package org.pacarbon.carbon.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.Reports;
import org.pacarbon.carbon.core.SpecException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The assessment of a spec file (as {@code ./pacarbon assess}): Tables 1-3 and the per-PA table, or one table
 * when declared with a group ({@code class="...AssessTool:storage"}): storage (Table 1), uptake (Table 2, with
 * growth between years), emissions (Table 3, with growth).
 */
public final class AssessTool implements Tool, org.eclipse.core.runtime.IExecutableExtension {
    private String group = "";

    @Override
    @NonNullByDefault({})
    public void setInitializationData(org.eclipse.core.runtime.IConfigurationElement config, String property, Object data) {
        group = data instanceof String s ? s.strip() : "";
    }

    /** Restricts the spec to one group's layers (and the layers they sum). */
    static AssessmentSpec only(AssessmentSpec spec, String group) throws ToolException {
        if (group.isEmpty()) {
            return spec;
        }
        List<AssessmentSpec.Layer> layers = spec.layers().stream().filter(l -> group.equals(l.group())).toList();
        if (layers.isEmpty()) {
            throw new ToolException(spec.file() + " has no layers of group " + group);
        }
        java.util.Set<String> needed = new java.util.HashSet<>();
        layers.forEach(l -> { if (l.sum() != null) { needed.addAll(l.sum()); } });
        List<AssessmentSpec.Layer> keep = spec.layers().stream()
                .filter(l -> group.equals(l.group()) || needed.contains(l.key())).toList();
        return new AssessmentSpec(spec.file(), spec.title(), spec.region(), spec.protectedAreas(), spec.grid(), keep,
                spec.json());
    }
    /** Version written into the provenance record. */
    static final String VERSION = "0.1.0";

    @Override
    public String help() {
        return "Runs the assessment a spec file describes (region, PAs with classes in order of precedence, layers"
                + " with kind, unit, group and year; see the README): storage, uptake and emissions per PA class, all"
                + " PAs, outside PAs and each single PA. Writes summary.csv, per_pa.csv, tables.md, report.html,"
                + " report.pdf (maps, tables, growth charts, top PAs, methods) and provenance.json into the output folder.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("spec", "Assessment spec", Param.Type.FILE, "the JSON spec (e.g. demo/data/spec.json)"),
                Param.of("out", "Output folder", Param.Type.OUTPUT_FOLDER, "where the reports go").withDefault("assessment"));
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        try {
            AssessmentSpec spec = only(AssessmentSpec.read(v.path("spec")), group);
            progress.begin("Assessment of " + spec.title(), -1);
            Assessment.Result r = Assessment.run(spec, progress::message, progress::isCancelled);
            progress.checkCancelled();
            Path out = v.path("out");
            String lang = org.pacarbon.toolbox.core.Languages.report();
            List<String> notWritten = Reports.writeOutputs(r, out, VERSION,
                    org.pacarbon.report.AssessmentReport.documents(r, lang, VERSION, progress::message));
            List<List<Object>> rows = new ArrayList<>();
            for (Assessment.Row x : r.rows()) {
                rows.add(java.util.Arrays.asList(x.group(), x.layer(), java.util.Objects.toString(x.year(), ""),
                        r.categoryLabels().getOrDefault(x.category(), x.category()), x.total(), x.totalUnit(), x.sharePct(),
                        x.perArea(), x.perAreaUnit()));
            }
            List<ToolResult.Column> cols = List.of(new ToolResult.Column("group", ""), new ToolResult.Column("layer", ""),
                    new ToolResult.Column("year", ""), new ToolResult.Column("category", ""),
                    new ToolResult.Column("total", ""), new ToolResult.Column("total unit", ""),
                    new ToolResult.Column("share", "%"), new ToolResult.Column("per area", ""),
                    new ToolResult.Column("per area unit", ""));
            ToolResult res = new ToolResult().add(new ToolResult.Table("Assessment summary", cols, rows));
            List<List<Object>> pa = new ArrayList<>();
            for (Assessment.PaRow x : r.paRows()) {
                pa.add(java.util.Arrays.asList(x.paId(), x.name(), x.paClass(), x.layer(),
                        java.util.Objects.toString(x.year(), ""), x.total(), x.totalUnit(), x.perArea(), x.perAreaUnit(),
                        x.areaKm2()));
            }
            res.add(new ToolResult.Table("Per PA", List.of(new ToolResult.Column("pa_id", ""),
                    new ToolResult.Column("name", ""), new ToolResult.Column("class", ""), new ToolResult.Column("layer", ""),
                    new ToolResult.Column("year", ""), new ToolResult.Column("total", ""),
                    new ToolResult.Column("total unit", ""), new ToolResult.Column("per area", ""),
                    new ToolResult.Column("per area unit", ""), new ToolResult.Column("area", "km2")), pa));
            res.add(org.pacarbon.report.AssessmentReport.markdown(r, lang));
            res.add("Reports written to " + out + (notWritten.isEmpty() ? "" : " (not written: " + String.join(", ", notWritten) + ")"));
            r.warnings().forEach(res::add);
            return res;
        } catch (SpecException | GisException e) {
            throw new ToolException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ToolException("cannot write the reports: " + e.getMessage(), e);
        }
    }
}
