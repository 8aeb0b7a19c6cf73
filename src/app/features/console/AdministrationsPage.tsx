// The member administrations list: the organiser adds one (e.g. Solomon Islands) without a code change.
import { For, Show, createResource, createSignal } from "solid-js";
import { SUB_REGIONS, SUB_REGION_NAMES, type Administration, type SubRegion } from "../../../shared/directory";
import { consoleRequest } from "../../sync/consoleClient";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";
import { FormProblem } from "../../ui/FormProblem";
import { adminText as t } from "./consoleText";
import { LabelledInput } from "../../ui/LabelledInput";

export default withConsoleLayout(Administrations);

function Administrations() {
  const [list, { refetch }] = createResource(async () => {
    const result = await consoleRequest<{ administrations: Administration[] }>("GET", "/administrations");
    return result.ok ? result.body.administrations : [];
  });
  const [code, setCode] = createSignal("");
  const [name, setName] = createSignal("");
  const [subRegion, setSubRegion] = createSignal<SubRegion>("pacific-islands");
  const [problem, setProblem] = createSignal<string>();
  const add = async (event: Event) => {
    event.preventDefault();
    const result = await consoleRequest("POST", "/administrations", {
      code: code().trim().toUpperCase(),
      name: name().trim(),
      subRegion: subRegion(),
    });
    if (!result.ok) return setProblem(result.error.details?.map((d) => d.message).join(" ") || result.error.message);
    setProblem(undefined);
    setCode("");
    setName("");
    void refetch();
  };
  return (
    <main class="page console">
      <h1>{t("memberAdministrations")}</h1>
      <For each={SUB_REGIONS}>
        {(region) => (
          <section>
            <h2>{SUB_REGION_NAMES[region]}</h2>
            <p data-testid={`administrations-${region}`}>
              {(list() ?? [])
                .filter((a) => a.subRegion === region)
                .map((a) => `${a.code} ${a.name}`)
                .join(" · ")}
            </p>
          </section>
        )}
      </For>
      <Show when={canChange()}>
        <form class="card" onSubmit={(e) => void add(e)} aria-labelledby="add-administration">
          <h2 id="add-administration">{t("addAdministration")}</h2>
          <LabelledInput
            id="a-code"
            label={t("administrationCode")}
            value={code()}
            maxLength={3}
            onValue={setCode}
            required
          />
          <LabelledInput id="a-name" label={t("name")} value={name()} onValue={setName} required />
          <label for="a-region">{t("subRegion")}</label>
          <select id="a-region" value={subRegion()} onChange={(e) => setSubRegion(e.currentTarget.value as SubRegion)}>
            <For each={SUB_REGIONS}>{(r) => <option value={r}>{SUB_REGION_NAMES[r]}</option>}</For>
          </select>
          <FormProblem problem={problem()} />
          <button type="submit" class="button primary">
            {t("addAdministrationButton")}
          </button>
        </form>
      </Show>
    </main>
  );
}
