"""Who builds large language models, country by country, with their models and what the articles say of them."""

import asiaai_graph as ag

kg = ag.load()
countries = sorted({o.country for o in kg.llm_builders() if o.country})
for code in countries:
    country = kg[code]
    print(f"\n{country.name} ({country.label_in('ko')})")
    for org in kg.llm_builders(country=code):
        print(f"  {org.name} / {org.label_in('ko')}")
        for model in kg.models(developer=org, kind="llm"):
            facts = []
            if model.released:
                facts.append(f"released {model.released}")
            if model.parameters:
                facts.append(f"{model.parameters.describe()} parameters")
            if model.active_parameters:
                facts.append(f"{model.active_parameters.describe()} active")
            if model.training_cost:
                facts.append(f"trained for {model.training_cost.describe()}")
            print(f"    - {model.name}" + (f": {', '.join(facts)}" if facts else ""))
