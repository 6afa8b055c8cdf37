import type { Cost } from '@reelsmith/core';

/** A dated ElevenLabs price table: characters cost credits, credits cost dollars. */
export interface ElevenLabsPriceTable {
  /** The day (YYYY-MM-DD) these prices were read. */
  date: string;
  /** US dollars per credit. The default is the API list price; plan overage rates differ. */
  usdPerCredit: number;
  /** Credits charged per character of `text`, by model id. */
  creditsPerCharacter: Record<string, number>;
  /** Credits per character for a model missing from `creditsPerCharacter`. */
  defaultCreditsPerCharacter: number;
}

/**
 * ElevenLabs' list prices on 2026-11-24 (volatile): 1 credit per character on Multilingual v2
 * and v3, 0.5 on Flash and Turbo, and about $0.10 per 1,000 characters on Multilingual v2/v3
 * ($0.05 on Flash/Turbo), so one credit is $0.0001. Override with `createElevenLabs({ prices })`,
 * e.g. with your plan's overage rate.
 */
export const defaultElevenLabsPrices: ElevenLabsPriceTable = {
  date: '2026-11-24',
  usdPerCredit: 0.0001,
  creditsPerCharacter: {
    eleven_multilingual_v2: 1,
    eleven_v3: 1,
    eleven_turbo_v2_5: 0.5,
    eleven_flash_v2_5: 0.5,
    eleven_flash_v2: 0.5,
    eleven_turbo_v2: 0.5,
  },
  defaultCreditsPerCharacter: 1,
};

/** True when the table prices `model` itself (not through `defaultCreditsPerCharacter`). */
export function hasPrice(table: ElevenLabsPriceTable, model: string): boolean {
  return Object.hasOwn(table.creditsPerCharacter, model);
}

/**
 * The cost of synthesizing `characters` characters with `model`, from `table`. Dollars are
 * rounded to 10 decimal places so the figure is free of floating-point noise.
 */
export function characterCost(table: ElevenLabsPriceTable, model: string, characters: number): Cost {
  const perCharacter = hasPrice(table, model)
    ? (table.creditsPerCharacter[model] as number)
    : table.defaultCreditsPerCharacter;
  const usd = Math.round(characters * perCharacter * table.usdPerCredit * 1e10) / 1e10;
  return { usd, unit: 'character', quantity: characters, priceDate: table.date };
}
