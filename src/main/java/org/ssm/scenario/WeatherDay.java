package org.ssm.scenario;

/**
 * One day's weather on the fine grid.
 *
 * @param wet whether it rains somewhere in the domain
 * @param cloudFraction share of the domain under cloud at the optical overpass
 * @param deltaT difference between dry and wet bare-soil temperature, K: larger on bright days
 * @param rain daily rain, mm
 * @param cloud whether each cell is under cloud at the overpass
 * @param airTemperature air temperature at overpass time, K
 * @param pet potential evapotranspiration, mm/day
 */
record WeatherDay(boolean wet, double cloudFraction, double deltaT, float[] rain, boolean[] cloud,
        float[] airTemperature, float[] pet) {}
